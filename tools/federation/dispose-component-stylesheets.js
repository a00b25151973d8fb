// Why a build of a shell or remote printed "fatal error: all goroutines are asleep - deadlock!" and an
// esbuild stack dump after "Output location: …" (the build itself had succeeded):
//
// 1. Native Federation compiles the shared workspace libraries (`sharedMappings`) with the Angular compiler
//    plugin from `@angular/build/private` (`createCompilerPlugin`). That function creates a
//    ComponentStylesheetBundler, and since @angular/build 21.2.14 each component stylesheet is bundled in
//    its own long-lived `esbuild.context()`. The plugin's onDispose never disposes that bundler, so those
//    contexts stay open (Angular's own application builder disposes its bundler; this private entry
//    point does not — the same leak nrwl/nx#35869 fixed for rspack).
// 2. The open contexts keep Angular's esbuild service process alive, so Native Federation ends the
//    build with a forced `process.exit` (see angular/angular-cli#33201).
// 3. esbuild then sees its stdin close while contexts are still open and waits for them forever; if its
//    once-a-second "ping" to the (now gone) Node process is unanswered at that moment, Go's runtime
//    finds every goroutine blocked and prints the deadlock dump. Hence two or three dumps per `npm start`,
//    varying from run to run.
//
// The fix is the missing dispose: when the compiler plugin is disposed, its stylesheet bundler is disposed
// too, so no esbuild context outlives the build and esbuild exits quietly. It changes nothing else and
// becomes a no-op (disposing twice is harmless) once Angular or Native Federation dispose it themselves.
// If @angular/build's internals change shape, nothing is patched.
const { dirname, join } = require('node:path');

const PATCHED = Symbol.for('dieu-hanh.disposeComponentStylesheets');

function installDisposeComponentStylesheets() {
  let privateApi;
  let stylesheets;
  try {
    // Resolve from Native Federation's own location so this is the copy its adapter uses.
    const nfRoot = dirname(require.resolve('@angular-architects/native-federation/package.json'));
    const privatePath = require.resolve('@angular/build/private', { paths: [nfRoot] });
    privateApi = require(privatePath);
    stylesheets = require(join(dirname(privatePath), 'tools/esbuild/angular/component-stylesheets.js'));
  } catch {
    return false;
  }
  const original = privateApi.createCompilerPlugin;
  const Bundler = stylesheets.ComponentStylesheetBundler;
  if (typeof original !== 'function' || typeof Bundler !== 'function' || original[PATCHED]) return false;
  if (typeof Bundler.prototype.dispose !== 'function') return false;

  const patched = function createCompilerPlugin(...args) {
    // Note the bundler(s) the original creates during this synchronous call.
    const created = [];
    stylesheets.ComponentStylesheetBundler = class extends Bundler {
      constructor(...bundlerArgs) {
        super(...bundlerArgs);
        created.push(this);
      }
    };
    let plugin;
    try {
      plugin = original.apply(this, args);
    } finally {
      stylesheets.ComponentStylesheetBundler = Bundler;
    }
    if (!created.length || typeof plugin?.setup !== 'function') return plugin;
    return {
      ...plugin,
      setup(build) {
        if (typeof build.onDispose === 'function') {
          build.onDispose(() => {
            for (const bundler of created.splice(0)) void bundler.dispose();
          });
        }
        return plugin.setup(build);
      },
    };
  };
  patched[PATCHED] = true;
  privateApi.createCompilerPlugin = patched;
  return privateApi.createCompilerPlugin === patched;
}

module.exports = { installDisposeComponentStylesheets };
