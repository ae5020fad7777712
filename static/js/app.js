// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Copy buttons: shown only when the Clipboard API exists.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target || !navigator.clipboard) return;
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.value).then(function () {
        button.textContent = button.getAttribute("data-copied") || label;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });

  // Character counters count code points, as the server does ([...text], not .length).
  document.querySelectorAll("[data-count-for]").forEach(function (counter) {
    var field = document.getElementById(counter.getAttribute("data-count-for"));
    if (!field) return;
    var template = counter.getAttribute("data-template");
    var update = function () {
      counter.textContent = template.replace("%(count)s", String([...field.value].length));
    };
    counter.hidden = false;
    field.addEventListener("input", update);
    update();
  });

  // Follow-up questions appear only once the answer they depend on is chosen.
  document.querySelectorAll("[data-show-if]").forEach(function (input) {
    var field = input.closest(".field");
    if (!field || field.hasAttribute("data-show-if-bound")) return;
    field.setAttribute("data-show-if-bound", "");
    var rule = input.getAttribute("data-show-if").split("=");
    var controls = document.querySelectorAll('input[name="' + rule[0] + '"]');
    var update = function () {
      var chosen = document.querySelector('input[name="' + rule[0] + '"]:checked');
      field.hidden = !(chosen && chosen.value === rule[1]) && !field.classList.contains("has-error");
    };
    controls.forEach(function (control) { control.addEventListener("change", update); });
    update();
  });

  // Move focus to the error summary so screen readers and phones show it first.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
