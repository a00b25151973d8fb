// Webpack settings for the Node deployables (API, dev login server): node_modules stay external and a
// production package.json is generated next to main.js for the Docker images.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = function nodeApp(projectDir, name) {
  return {
    output: { path: join(projectDir, '../../dist/apps', name), clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
