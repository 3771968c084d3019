export const THEME_STORAGE_KEY = "switchboard.theme";

/**
 * Runs in <head> before the first paint: the stored choice wins, otherwise the OS setting, so a
 * dark-mode user never sees a white flash.
 */
export const themeBootScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
