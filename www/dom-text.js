// Text from a page's DOM, with a map back to it. The text under a root is cut
// into blocks (paragraphs, headings, list items, cells…) so that blocks never
// run together; each block remembers which text node each of its UTF-16 code
// units came from, so an entity found in the text becomes a DOM Range even when
// it spans inline elements (<a>لويد</a> <b>أوستن</b>).

/** Elements whose text is not prose to read: never walked into. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'KBD', 'SAMP',
  'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'CANVAS',
]);

/** Elements that start and end a block; BR and HR cut the block they are in. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Block elements that hold text, for finding the one a block lies in. */
const CONTAINER_SELECTOR = [...BLOCKS].filter((tag) => tag !== 'BR' && tag !== 'HR').join(',');

/** The innermost block element under or at `root` that holds `node`: where a block shows on the page. */
export function containerOf(node, root) {
  const container = node.parentElement?.closest(CONTAINER_SELECTOR);
  return container && root.contains(container) ? container : root;
}

function isBlock(node) {
  return node.nodeType === Node.ELEMENT_NODE && BLOCKS.has(node.tagName.toUpperCase());
}

/**
 * Whether the walk leaves out `element` and everything under it.
 * @param {Element} element
 * @param {string | undefined} exclude a selector of the page's own parts to leave out
 * @param {Set<Node>} ignored nodes never walked (the widget's own UI)
 */
function isSkipped(element, exclude, ignored) {
  return (
    ignored.has(element) ||
    SKIPPED.has(element.tagName.toUpperCase()) ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    // The attribute, not isContentEditable, which would make the browser compute styles.
    (element.hasAttribute('contenteditable') && element.getAttribute('contenteditable') !== 'false') ||
    (exclude !== undefined && element.matches(exclude))
  );
}

/**
 * One block of text: `text` is the concatenation of its text nodes' data, with
 * tabs and line breaks as spaces (as the page shows them), so offsets in
 * `text` are offsets in the nodes; `starts[i]` is where `nodes[i]` begins.
 */
export class Block {
  constructor() {
    this.nodes = [];
    this.starts = [];
    this.text = '';
  }

  add(node) {
    this.nodes.push(node);
    this.starts.push(this.text.length);
    this.text += node.data.replace(/[\t\n\r\f]/g, ' ');
  }

  /** Whether the block has anything but white space. */
  get hasWords() {
    return /\S/.test(this.text);
  }

  /** The index of the node holding code unit `offset`, where `offset` is a start (`atEnd` false) or an end. */
  nodeIndexAt(offset, atEnd) {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      const start = this.starts[middle];
      if (atEnd ? start < offset : start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** A Range over code units [start, end) of the block. */
  range(start, end) {
    const first = this.nodeIndexAt(start, false);
    const last = this.nodeIndexAt(end, true);
    const range = new Range();
    range.setStart(this.nodes[first], start - this.starts[first]);
    range.setEnd(this.nodes[last], end - this.starts[last]);
    return range;
  }
}

/**
 * Walks the text under `root`, yielding each block that has words. A
 * generator, so the caller can stop between blocks to let the page breathe.
 * @param {Element} root
 * @param {{exclude?: string, ignored?: Set<Node>}} options
 * @returns {Generator<Block>}
 */
export function* blocksUnder(root, { exclude, ignored = new Set() } = {}) {
  let block = new Block();
  let node = root.firstChild;
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.length > 0) block.add(node);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      // A block element cuts even when it is skipped (an excluded aside between two paragraphs).
      if (isBlock(node) && block.nodes.length > 0) {
        if (block.hasWords) yield block;
        block = new Block();
      }
      if (node.firstChild !== null && !isSkipped(node, exclude, ignored)) {
        node = node.firstChild;
        continue;
      }
    }
    // On to the next sibling, climbing out of finished elements; leaving a block element cuts.
    while (node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node !== root && isBlock(node) && block.nodes.length > 0) {
        if (block.hasWords) yield block;
        block = new Block();
      }
    }
    if (node === root) break;
    if (isBlock(node) && block.nodes.length > 0) {
      if (block.hasWords) yield block;
      block = new Block();
    }
    node = node.nextSibling;
  }
  if (block.hasWords) yield block;
}
