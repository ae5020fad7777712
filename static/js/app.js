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
    var limit = parseInt(counter.getAttribute("data-limit"), 10);
    var suggested = parseInt(counter.getAttribute("data-suggested"), 10);
    var update = function () {
      var count = [...field.value].length;
      var template = counter.getAttribute("data-template");
      var bound = NaN;
      if (limit) { template = counter.getAttribute("data-template-limit"); bound = limit; }
      else if (suggested) { template = counter.getAttribute("data-template-suggested"); bound = suggested; }
      counter.textContent = template.replace("%(count)s", String(count)).replace("%(limit)s", String(bound));
      counter.classList.toggle("is-over", Boolean(bound) && count > bound);
    };
    counter.hidden = false;
    field.addEventListener("input", update);
    update();
  });

  // Follow-up questions appear only once the answer they depend on is chosen; a question
  // whose own question is hidden hides too (a deadline date under "did you give a deadline?").
  var followUps = [];
  document.querySelectorAll("[data-show-if]").forEach(function (input) {
    var field = input.closest(".field");
    if (!field || followUps.some(function (rule) { return rule.field === field; })) return;
    var parts = input.getAttribute("data-show-if").split("=");
    followUps.push({ field: field, name: parts[0], wanted: parts[1].split("|") });
  });
  var refresh = function () {
    followUps.forEach(function (rule) {
      var chosen = document.querySelector('input[name="' + rule.name + '"]:checked');
      var control = document.querySelector('input[name="' + rule.name + '"]');
      var parentHidden = control && control.closest(".field") && control.closest(".field").hidden;
      var applies = !parentHidden && chosen && rule.wanted.indexOf(chosen.value) !== -1;
      rule.field.hidden = !applies && !rule.field.classList.contains("has-error");
    });
  };
  followUps.forEach(function (rule) {
    document.querySelectorAll('input[name="' + rule.name + '"]').forEach(function (control) {
      control.addEventListener("change", refresh);
    });
  });
  refresh();

  // Move focus to the error summary so screen readers and phones show it first.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();

// ---------------------------------------------------------------------------------------
// Evidence: check files against the limits before sending, show upload progress, and draw
// opaque boxes over personal data. The server checks everything again; without this script
// the same messages come from the server.
(function () {
  "use strict";

  var EXTENSION_KINDS = {
    jpg: "image", jpeg: "image", png: "image", webp: "image", heic: "image", heif: "image",
    pdf: "pdf", mp4: "video", mov: "video"
  };

  function fileKind(file) {
    var type = (file.type || "").toLowerCase();
    if (type.indexOf("image/") === 0) return "image";
    if (type.indexOf("video/") === 0) return "video";
    if (type === "application/pdf") return "pdf";
    var match = /\.([a-z0-9]+)$/i.exec(file.name || "");
    return match ? EXTENSION_KINDS[match[1].toLowerCase()] || null : null;
  }

  // Split the chosen files into those to send and those the server would refuse anyway.
  function sortFiles(form, files) {
    var data = form.dataset;
    var roomBytes = Number(data.roomBytes);
    var roomFiles = Number(data.roomFiles);
    var good = [];
    var refused = [];
    Array.prototype.forEach.call(files, function (file) {
      var kind = fileKind(file);
      var message = null;
      if (file.size === 0) message = data.msgEmpty;
      else if (kind && file.size > Number(data["limit" + kind.charAt(0).toUpperCase() + kind.slice(1)])) {
        message = data["msg" + kind.charAt(0).toUpperCase() + kind.slice(1)];
      } else if (good.length >= roomFiles) message = data.msgCount;
      else if (file.size > roomBytes) message = data.msgFull;
      // An unknown type is left to the server, which reads the bytes, not the name.
      if (message) {
        refused.push({ name: file.name, message: message });
      } else {
        good.push(file);
        roomBytes -= file.size;
      }
    });
    return { good: good, refused: refused };
  }

  function showRefused(box, heading, refused) {
    box.textContent = "";
    box.hidden = refused.length === 0;
    if (!refused.length) return;
    var title = document.createElement("p");
    title.className = "upload-check-title";
    title.textContent = heading;
    var list = document.createElement("ul");
    refused.forEach(function (entry) {
      var item = document.createElement("li");
      item.textContent = entry.name + ": " + entry.message;
      list.appendChild(item);
    });
    box.appendChild(title);
    box.appendChild(list);
  }

  // Put the page the server answered in place of this one, as a normal form post would.
  function showAnswer(xhr) {
    var answer = xhr.response;
    var fresh = answer && answer.querySelector("main");
    var current = document.querySelector("main");
    if (!fresh || !current) {
      window.location.reload();
      return;
    }
    current.replaceWith(document.importNode(fresh, true));
    document.title = answer.title;
    if (xhr.responseURL) window.history.replaceState(null, "", xhr.responseURL);
    enhanceEvidence(document);
    var focus = document.getElementById("error-summary") || document.querySelector(".messages");
    if (focus) {
      if (!focus.hasAttribute("tabindex")) focus.setAttribute("tabindex", "-1");
      focus.focus();
    }
  }

  function enhanceUpload(form) {
    var input = form.querySelector('input[type="file"]');
    var check = form.querySelector("[data-upload-check]");
    var progress = form.querySelector("[data-upload-progress]");
    if (!input || !check || !progress || !window.FormData || !window.XMLHttpRequest) return;
    var bar = progress.querySelector("progress");
    var status = progress.querySelector("[data-upload-status]");
    var button = form.querySelector('button[type="submit"]');

    input.addEventListener("change", function () {
      showRefused(check, form.dataset.msgSkipped, sortFiles(form, input.files).refused);
    });

    // A need's own form sends its files as soon as they are chosen (and its notice agreed
    // to, if it has one): the page says so beside the field.
    if (form.hasAttribute("data-upload-on-choose")) {
      document.querySelectorAll("[data-upload-auto]").forEach(function (note) { note.hidden = false; });
      button.hidden = true;
      form.addEventListener("change", function () {
        var unticked = form.querySelector('input[type="checkbox"]:not(:checked)');
        var sorted = sortFiles(form, input.files);
        if (!input.files.length || unticked || sorted.refused.length || button.disabled) return;
        if (form.requestSubmit) form.requestSubmit(button);
        else button.click();
      });
    }

    form.addEventListener("submit", function (event) {
      var sorted = sortFiles(form, input.files);
      showRefused(check, form.dataset.msgSkipped, sorted.refused);
      if (input.files.length && !sorted.good.length) {
        event.preventDefault();
        return;
      }
      event.preventDefault();
      var body = new FormData(form);
      body.delete(input.name);
      sorted.good.forEach(function (file) { body.append(input.name, file, file.name); });
      body.append("upload", "1");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action") || window.location.href);
      xhr.responseType = "document";
      xhr.upload.addEventListener("progress", function (progressEvent) {
        if (!progressEvent.lengthComputable) return;
        var percent = Math.round((100 * progressEvent.loaded) / progressEvent.total);
        bar.value = percent;
        status.textContent = percent < 100
          ? form.dataset.msgSending.replace("%(percent)s", percent + "%")
          : form.dataset.msgChecking;
      });
      xhr.addEventListener("load", function () { showAnswer(xhr); });
      xhr.addEventListener("error", function () {
        status.textContent = form.dataset.msgFailed;
        button.disabled = false;
        button.hidden = false;
      });
      progress.hidden = false;
      bar.value = 0;
      status.textContent = form.dataset.msgSending.replace("%(percent)s", "0%");
      button.disabled = true;
      xhr.send(body);
    });
  }

  // Boxes are [left, top, width, height] in per cent of the picture, as the server keeps them.
  function parseBoxes(text) {
    return (text || "").split(";").filter(Boolean).map(function (part) {
      return part.split(",").map(Number);
    });
  }

  function round2(value) {
    return Math.round(value * 100) / 100;
  }

  function enhanceRedaction(container) {
    var stage = container.querySelector("[data-redact-stage]");
    var image = container.querySelector("[data-redact-image]");
    var list = container.querySelector("[data-redact-list]");
    var form = document.querySelector(".redact-form");
    var field = form && form.querySelector('input[name="boxes"]');
    if (!stage || !image || !list || !field) return;
    var boxes = parseBoxes(field.value);
    var drawing = null;

    container.querySelector("[data-redact-hint]").hidden = false;
    list.hidden = false;
    stage.classList.add("is-drawable");
    form.querySelectorAll("[data-redact-existing]").forEach(function (node) { node.hidden = true; });

    function render() {
      stage.querySelectorAll(".redact-box").forEach(function (node) { node.remove(); });
      list.textContent = "";
      boxes.forEach(function (box, index) {
        var overlay = document.createElement("div");
        overlay.className = "redact-box";
        overlay.style.left = box[0] + "%";
        overlay.style.top = box[1] + "%";
        overlay.style.width = box[2] + "%";
        overlay.style.height = box[3] + "%";
        overlay.textContent = String(index + 1);
        stage.appendChild(overlay);
        var item = document.createElement("li");
        var label = document.createElement("span");
        label.textContent = list.dataset.label + " " + (index + 1);
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button-link danger-link";
        remove.textContent = list.dataset.remove;
        remove.addEventListener("click", function () {
          boxes.splice(index, 1);
          render();
        });
        item.appendChild(label);
        item.appendChild(remove);
        list.appendChild(item);
      });
      if (!boxes.length) {
        var empty = document.createElement("li");
        empty.textContent = list.dataset.empty;
        list.appendChild(empty);
      }
      field.value = boxes.map(function (box) { return box.map(round2).join(","); }).join(";");
    }

    function pointAt(event) {
      var rect = image.getBoundingClientRect();
      return {
        x: Math.min(Math.max((100 * (event.clientX - rect.left)) / rect.width, 0), 100),
        y: Math.min(Math.max((100 * (event.clientY - rect.top)) / rect.height, 0), 100)
      };
    }

    function current(event) {
      var point = pointAt(event);
      return [
        Math.min(point.x, drawing.start.x), Math.min(point.y, drawing.start.y),
        Math.abs(point.x - drawing.start.x), Math.abs(point.y - drawing.start.y)
      ];
    }

    stage.addEventListener("pointerdown", function (event) {
      if (event.button > 0) return;
      event.preventDefault();
      stage.setPointerCapture(event.pointerId);
      var overlay = document.createElement("div");
      overlay.className = "redact-box is-drawing";
      stage.appendChild(overlay);
      drawing = { start: pointAt(event), overlay: overlay };
    });
    stage.addEventListener("pointermove", function (event) {
      if (!drawing) return;
      var box = current(event);
      drawing.overlay.style.left = box[0] + "%";
      drawing.overlay.style.top = box[1] + "%";
      drawing.overlay.style.width = box[2] + "%";
      drawing.overlay.style.height = box[3] + "%";
    });
    function finish(event) {
      if (!drawing) return;
      var box = current(event);
      drawing.overlay.remove();
      drawing = null;
      if (box[2] >= 1 && box[3] >= 1) boxes.push(box.map(round2));
      render();
    }
    stage.addEventListener("pointerup", finish);
    stage.addEventListener("pointercancel", function () {
      if (drawing) drawing.overlay.remove();
      drawing = null;
    });
    render();
  }

  function enhanceEvidence(root) {
    root.querySelectorAll("[data-evidence-upload], [data-need-upload]").forEach(enhanceUpload);
    root.querySelectorAll("[data-redact]").forEach(enhanceRedaction);
  }

  enhanceEvidence(document);
})();

// ---------------------------------------------------------------------------------------
// Start from a screenshot: ask whether the reading is done, then fill in the order fields
// that are still empty and mark them for checking. Without this script a refresh of the
// page shows the same result.
(function () {
  "use strict";

  var POLL_MS = 1500;
  var MAX_POLLS = 80;

  function markRead(input, note) {
    var field = input.closest(".field");
    input.setAttribute("data-read-from", "screenshot");
    if (!field || field.querySelector("[data-ocr-note]")) return;
    var help = field.querySelector(".help");
    var text = document.createElement("span");
    text.setAttribute("data-ocr-note", "");
    text.textContent = note + " ";
    if (help) {
      help.insertBefore(text, help.firstChild);
      return;
    }
    help = document.createElement("p");
    help.className = "help";
    help.id = (input.id || input.name) + "_ocr";
    help.appendChild(text);
    var anchor = field.querySelector(".choices") || input;
    anchor.parentNode.insertBefore(help, anchor);
    var described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", described ? described + " " + help.id : help.id);
  }

  function fill(form, fields, note) {
    var filled = 0;
    Object.keys(fields).forEach(function (name) {
      var inputs = form.querySelectorAll('[name="' + name + '"]');
      if (!inputs.length) return;
      var value = fields[name];
      if (inputs[0].type === "radio") {
        var checked = Array.prototype.some.call(inputs, function (input) { return input.checked; });
        if (checked) return;
        Array.prototype.forEach.call(inputs, function (input) {
          if (input.value !== value) return;
          input.checked = true;
          input.dispatchEvent(new Event("change", { bubbles: true }));
          markRead(input, note);
          filled += 1;
        });
        return;
      }
      if (inputs[0].value !== "") return;
      inputs[0].value = value;
      inputs[0].dispatchEvent(new Event("input", { bubbles: true }));
      markRead(inputs[0], note);
      filled += 1;
    });
    return filled;
  }

  function watch(panel, box, form) {
    var status = box.querySelector("[data-ocr-status]");
    var progress = box.querySelector(".ocr-progress");
    var polls = 0;
    var say = function (text) { if (status) status.textContent = text; };
    var finish = function (text, state) {
      if (progress) progress.hidden = true;
      box.classList.remove("ocr-queued", "ocr-running");
      box.classList.add("ocr-" + state);
      say(text);
    };
    var ask = function () {
      polls += 1;
      fetch(box.getAttribute("data-status-url"), {
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      }).then(function (answer) {
        if (answer.status === "done") {
          var fields = answer.fields || {};
          var filled = form ? fill(form, fields, panel.getAttribute("data-msg-read")) : 0;
          var message = filled ? "data-msg-done" : "data-msg-compare";
          if (!Object.keys(fields).length) message = "data-msg-empty";
          finish(panel.getAttribute(message), "done");
          return;
        }
        if (answer.status === "failed" || answer.status === "none") {
          finish(panel.getAttribute("data-msg-failed"), "failed");
          return;
        }
        if (answer.slow) say(panel.getAttribute("data-msg-slow"));
        if (polls < MAX_POLLS) setTimeout(ask, POLL_MS);
      }).catch(function () {
        if (polls < MAX_POLLS) setTimeout(ask, POLL_MS * 2);
      });
    };
    setTimeout(ask, POLL_MS);
  }

  var panel = document.querySelector("[data-ocr-panel]");
  if (!panel || !window.fetch) return;
  var form = document.querySelector("[data-ocr-form]");
  panel.querySelectorAll('[data-ocr-reading][data-status="queued"], [data-ocr-reading][data-status="running"]')
    .forEach(function (box) { watch(panel, box, form); });
})();

// ---------------------------------------------------------------------------------------
// Start from a screenshot in fewer taps: the chooser shows at once, and choosing a picture
// sends it. The payment notice, when it is due, shows once a picture is chosen, and the
// picture is sent only when it is agreed to. Without this script the folded form is used.
(function () {
  "use strict";

  document.querySelectorAll("details[data-ocr-quick]").forEach(function (details) {
    var form = details.querySelector("form");
    var input = form && form.querySelector('input[type="file"]');
    var button = form && form.querySelector("[data-ocr-submit]");
    if (!input || !button || details.open) return;  // a refused upload stays as it came
    details.open = true;
    details.classList.add("is-quick");
    var consent = form.querySelector("[data-ocr-consent]");
    var box = consent && consent.querySelector('input[type="checkbox"]');
    if (box && !box.checked) consent.hidden = true;
    button.hidden = true;
    form.querySelectorAll("[data-ocr-auto]").forEach(function (note) { note.hidden = false; });
    form.addEventListener("change", function () {
      if (!input.files.length) return;
      if (box && !box.checked) {
        consent.hidden = false;
        box.focus();
        return;
      }
      if (form.requestSubmit) form.requestSubmit(button);
      else form.submit();
    });
  });
})();
