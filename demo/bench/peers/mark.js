// The first module each bench page evaluates: "module start". Every file of the page's module graph has arrived
// by now (a module graph runs only once all of it is fetched), and the bundle evaluates right after this.
performance.mark('module-start');
