// Preloaded (`node --import`) into every process the stack launcher starts. The launcher keeps our
// stdin open as a pipe; when the launcher dies for any reason, even SIGKILL, the pipe closes and we
// exit too, so no process of Kappa's is ever left behind.
if (process.env.KAPPA_EXIT_WITH_PARENT === '1') {
  process.stdin.on('data', () => {});
  process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
  process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
  process.stdin.resume();
}
