import type { ServerInfo } from '../lib/contracts/rest';

const LOGO = [
  '  _  __                        ',
  ' | |/ /__ _ _ __  _ __   __ _  ',
  " | ' // _` | '_ \\| '_ \\ / _` | ",
  ' | . \\ (_| | |_) | |_) | (_| | ',
  ' |_|\\_\\__,_| .__/| .__/ \\__,_| ',
  '           |_|   |_|           ',
];

/** The start-up banner: logo, versions, where the server is and its state (from /info). */
export function banner(cliVersion: string, url: string, info: ServerInfo | undefined): string {
  const server = info?.KsqlServerInfo;
  const lines = [...LOGO, ''];
  lines.push(
    `CLI v${cliVersion}, Server ${server ? `v${server.version}` : '(unreachable)'} located at ${url}`,
  );
  if (server) lines.push(`Server Status: ${server.serverStatus ?? 'RUNNING'}`);
  else {
    lines.push(
      '',
      '**************** WARNING ******************',
      `Remote server at ${url} does not appear to be a valid Kappa or ksqlDB server.`,
      'Please ensure that the URL provided is for an active server.',
      '*******************************************',
    );
  }
  lines.push('', "Having trouble? Type 'help' (case-insensitive) for a rundown of how things work!", '');
  return lines.join('\n');
}
