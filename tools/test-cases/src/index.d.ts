/** Where the test suite finds its cases: the repository's own, plus ../shared (or WC_SHARED_DIR) when present. */
export type CaseKind = 'scenarios' | 'payments' | 'medical';
export type CaseSource = 'own' | 'shared';
export interface CaseFile {
  source: CaseSource;
  /** The kind's folder the case was found in. */
  dir: string;
  file: string;
  /** `own: x.json` or `shared: treatment-and-decisions/y.json`. */
  name: string;
}
export declare const ROOT: string;
export declare function sharedDir(): string | null;
export declare function caseDirs(kind: CaseKind): Array<{ source: CaseSource; dir: string }>;
export declare function caseFiles(kind: CaseKind): CaseFile[];
export declare function scenarioFolders(): Array<{ source: CaseSource; dir: string; name: string }>;
export declare function expectedFile(input: string, ext?: string): string | null;
export declare function ownCase(kind: CaseKind, relative: string): string;
export declare function sharedCase(kind: CaseKind, relative: string): string | null;
