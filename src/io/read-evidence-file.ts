import { InputError } from '../errors.ts';
import type { EvidenceBase } from '../evidence/evidence-base.ts';
import { loadEvidence } from '../evidence/load-evidence.ts';
import { readJsonFile } from './read-json-file.ts';
import { TableError } from './table-error.ts';

/**
 * Reads and validates an evidence base file (DESIGN.md, "Evidence bases and replication"):
 * `loadEvidence(readJsonFile(path))`, with the file named in every message.
 *
 * @throws TableError naming the file: not found, not valid JSON (with the line), or not a
 *   valid evidence base (with the field, study or row that `loadEvidence` names)
 * @example
 * readEvidenceFile('datasets/conditioned-medium-hair-loss.json').studies.map((s) => s.id); // => ['snu-2022', 'snu-2024', 'us-exosome-phase2']
 */
export function readEvidenceFile(path: string): EvidenceBase {
  const json = readJsonFile(path);
  try {
    return loadEvidence(json);
  } catch (error) {
    if (error instanceof InputError) throw new TableError(error.message, { file: path, code: error.code });
    throw error;
  }
}
