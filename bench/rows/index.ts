/** The bench's rows, in the order of issue 7, then row 7 of issue 14. */
import type { BenchRow } from "../row";
import { componentRow } from "./component";
import { graphDepthRow } from "./graph-depth";
import { importerRow } from "./importer";
import { loadCostRow } from "./load-cost";
import { previewRow } from "./preview";
import { readinessRow } from "./readiness";
import { swarmFormationRow } from "./swarm-formation";

/** Every row, by id. */
export const ROWS: readonly BenchRow[] = [importerRow, componentRow, loadCostRow, graphDepthRow, readinessRow, previewRow, swarmFormationRow];
