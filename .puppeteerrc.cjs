/** Browsers come from the system's packages (see scripts/ensure-browsers.sh); never download one. */
module.exports = { skipDownload: true };
