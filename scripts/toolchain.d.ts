// Types for toolchain.js, which stays plain JavaScript so it runs before anything is installed.
export declare const PULUMI_VERSION: string;
/** The Pulumi releases the tests prove: the peer range's floor and the newest run. */
export declare const PULUMI_TESTED: { oldest: string; newest: string };
export declare const NODE_MAJOR: number;
export declare const LOCAL_PASSPHRASE: string;
export declare const paths: {
  root: string;
  nodeBin: string;
  node: string;
  buildModule: string;
  localState: string;
  readonly cliBin: string;
};
export declare function cliCache(): string;
export declare function cliDir(): string | undefined;
export declare function which(name: string, searchPath?: string): string | undefined;
export declare function pulumiVersionOf(bin: string): string | undefined;
export declare function inTestedRange(version: string | undefined): boolean;
export declare function testedRange(): string;
export declare function toolPath(cliDir?: string): string;
export declare function pulumiEnv(overrides?: Record<string, string | undefined>): NodeJS.ProcessEnv;
export declare function ensureLocalBackend(env: NodeJS.ProcessEnv): void;
