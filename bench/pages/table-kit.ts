/**
 * partner-table as a host page uses it: the element with the memory adapter
 * as its `adapter` property. The element's registering module is imported by
 * the bench build (bench/lib/build.mjs), so this page builds only when it exists.
 */
import { exposeTablePage } from './table-page.js';

exposeTablePage({
  mountTable(container, bench) {
    const table = document.createElement('partner-table') as HTMLElement & { adapter?: unknown };
    table.adapter = bench.adapter;
    container.append(table);
    return { root: table };
  },
});
