/** `<partner-deal-board>` with the memory adapter (registered by the bench build's injected import). */
import { exposeBoardPage } from './board-page.js';

exposeBoardPage({
  mount(container, bench) {
    const board = document.createElement('partner-deal-board') as HTMLElement & { adapter?: unknown };
    board.adapter = bench.adapter;
    container.append(board);
    return board;
  },
  tree(board) {
    return board.shadowRoot;
  },
});
