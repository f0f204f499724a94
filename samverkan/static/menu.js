// The main menu folds behind its "Menu" button on a narrow window (samverkan.css). Loaded right after the menu, so
// it folds before the page is drawn; without this script the button stays hidden and the menu open.
(function () {
  "use strict";
  const nav = document.currentScript.previousElementSibling;
  const button = nav.querySelector(".menu-button");
  const open = (yes) => button.setAttribute("aria-expanded", String(yes));
  open(false);
  nav.classList.add("folding");
  button.addEventListener("click", () => open(button.getAttribute("aria-expanded") !== "true"));
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      open(false);
      button.focus();
    }
  });
})();
