// A job's page (core/job.html) asks for the job's state every second and shows it; when the job is finished it
// reloads the page, which then shows the result. Without this script the page has a "Refresh" link.
(function () {
  "use strict";
  const box = document.getElementById("job");
  if (!box) return;
  const url = box.dataset.statusUrl;
  const label = box.querySelector("[data-job-label]");
  const bar = box.querySelector("[data-job-progress]");
  const check = () => {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((job) => {
        if (job.finished || job.state !== box.dataset.state) {
          window.location.reload();
          return;
        }
        label.textContent = job.label;
        if (bar && job.total) {
          bar.max = job.total;
          bar.value = job.done;
        }
        box.querySelector("[data-job-count]").textContent = job.count ? ": " + job.count : "";
        window.setTimeout(check, 1000);
      })
      .catch(() => window.setTimeout(check, 5000));
  };
  window.setTimeout(check, 1000);
})();
