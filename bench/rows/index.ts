/** The bench's rows, in the order of issue 7. */
import type { BenchRow } from "../row";
import { componentRow } from "./component";
import { graphDepthRow } from "./graph-depth";
import { importerRow } from "./importer";
import { loadCostRow } from "./load-cost";
import { previewRow } from "./preview";
import { readinessRow } from "./readiness";

/** Every row, by id. */
export const ROWS: readonly BenchRow[] = [importerRow, componentRow, loadCostRow, graphDepthRow, readinessRow, previewRow];
