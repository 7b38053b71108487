export interface GeneratedFile {
  path: string;
  text: string;
}
export const sizes: Record<'S' | 'M' | 'L', { programs: number; inlinePerProgram: number; standaloneFiles: number; perFile: number; people: number }>;
export function generateWorkspace(sizeName: 'S' | 'M' | 'L', seed?: number): GeneratedFile[];
export function writeWorkspace(files: GeneratedFile[], outDir: string): void;
