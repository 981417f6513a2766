import java.io.IOException;

/**
 * Starts the Kafka broker and exits as soon as the process that launched it goes away.
 *
 * The launcher (scripts/kafka/broker.ts) keeps this process's stdin open as a pipe. When the
 * launcher exits for any reason (Ctrl-C, a crashed test run, SIGKILL), the pipe closes, read()
 * returns -1, and we exit through Kafka's shutdown hook. This is what guarantees that no orphan
 * java process is ever left behind, which no signal handler in Node can promise on its own.
 * Run with Java's single-file source launcher: `java -cp 'jars/*' KappaBroker.java server.properties`.
 */
public final class KappaBroker {
  private KappaBroker() {}

  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(KappaBroker::exitWhenParentGone, "kappa-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    kafka.Kafka.main(args);
  }

  private static void exitWhenParentGone() {
    try {
      while (System.in.read() != -1) {
        // The launcher never writes; anything read is ignored.
      }
    } catch (IOException ignored) {
      // A broken pipe means the same as end of input.
    }
    Thread halter = new Thread(() -> {
      try {
        Thread.sleep(20_000);
      } catch (InterruptedException ignored) {
        return;
      }
      Runtime.getRuntime().halt(1); // the clean shutdown hung; never outlive the launcher
    }, "kappa-shutdown-deadline");
    halter.setDaemon(true);
    halter.start();
    System.exit(0);
  }
}
