"""Pages that fit the window: nothing wider than a desktop's or a phone's window (WCAG 2.1's reflow, 1.4.10).

A wide table scrolls inside its own labelled region (`<div class="table-scroll" role="region" aria-label=…
tabindex="0">`) instead of widening the page; a long link or word wraps.
"""

from __future__ import annotations

from playwright.sync_api import Page

# (width, height) of a desktop's window and a phone's (an iPhone 12–14's 390 × 844 CSS pixels).
DESKTOP = (1280, 800)
PHONE = (390, 844)

# The outermost elements whose right edge lies past the window, widest first: an element inside one that sticks out
# or inside a scrolling or clipping box is left out, so each is a thing to fix.
STICKING_OUT = """() => {
  const limit = window.innerWidth;
  const clips = (element) => getComputedStyle(element).overflowX !== 'visible';
  const name = (element) => {
    let text = element.tagName.toLowerCase();
    if (element.id) text += '#' + element.id;
    for (const cls of element.classList) text += '.' + cls;
    return text;
  };
  const path = (element) => {
    const names = [];
    for (let e = element; e && e !== document.body; e = e.parentElement) names.unshift(name(e));
    return names.slice(-4).join(' > ');
  };
  const found = [];
  const walk = (element, outside) => {
    for (const child of element.children) {
      const box = child.getBoundingClientRect();
      const out = box.right > limit + 0.5 && box.width > 0;
      if (out && !outside) {
        const text = (child.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
        found.push({what: path(child), right: Math.round(box.right), width: Math.round(box.width), text,
                    element: child});
      }
      if (!clips(child)) walk(child, outside || out);
    }
    // Text that runs past its own box: the box is named, since a text has no element of its own.
    const box = element.getBoundingClientRect();
    if (!outside && box.right <= limit + 0.5 && box.left + element.scrollWidth > limit + 0.5 && !found.some(
        (item) => element.contains(item.element))) {
      const text = (element.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
      found.push({what: path(element) + ' (its text)', right: Math.round(box.left + element.scrollWidth),
                  width: element.scrollWidth, text, element});
    }
  };
  walk(document.body, false);
  if (!found.length) {  // out of sight in a scrolling box, yet widening the page: positioned out of its box
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > limit + 0.5) {
        const style = getComputedStyle(element);
        found.push({what: path(element) + ` (position: ${style.position})`, right: Math.round(box.right),
                    width: Math.round(box.width), text: (element.innerText || '').trim().slice(0, 60), element});
      }
    }
  }
  found.sort((a, b) => b.right - a.right);
  const widest = found.slice(0, 5).map(({element, ...item}) => item);
  return {width: document.documentElement.scrollWidth, window: limit, found: widest};
}"""


def assert_fits(page: Page) -> None:
    """Fail if the page is wider than the window at 1 280 × 800 or at 390 × 844, naming what sticks out.

    The page is checked as it is now and given back at the size it had.
    """
    before = page.viewport_size
    problems = []
    try:
        for width, height in (DESKTOP, PHONE):
            if page.viewport_size != {"width": width, "height": height}:
                page.set_viewport_size({"width": width, "height": height})
            measured = page.evaluate(STICKING_OUT)
            if measured["width"] > measured["window"]:
                culprits = "\n".join(
                    f"    {item['what']}: {item['width']} px wide, ends at {item['right']} px ({item['text']!r})"
                    for item in measured["found"]
                )
                problems.append(
                    f"  at {width} px the page is {measured['width']} px wide; sticking out:\n{culprits or '    ?'}"
                )
    finally:
        if before is not None and page.viewport_size != before:
            page.set_viewport_size(before)
    assert not problems, f"{page.url} is wider than the window:\n" + "\n".join(problems)
