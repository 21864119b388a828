/**
 * Runs a command-line tool's `main` when its file is the program (not when a test imports it): the number it
 * resolves with becomes the exit code; a crash is printed and exits with 1.
 */
export function runMain(entry: NodeModule, main: () => Promise<number>, describeCrash: (error: unknown) => unknown = (e) => (e instanceof Error ? e.stack : e)): void {
  if (require.main !== entry) return;
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(describeCrash(error));
      process.exitCode = 1;
    },
  );
}
