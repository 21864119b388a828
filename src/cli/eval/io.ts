/** Where an evaluation CLI writes; injectable for tests. */
export interface EvalIo {
  stdout: (line: string) => void;
  stderr: NodeJS.WriteStream;
  progress: boolean;
}

/** The process's own streams, with progress shown. */
export const defaultIo: EvalIo = { stdout: (line) => console.log(line), stderr: process.stderr, progress: true };
