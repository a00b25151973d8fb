module.exports = require('../../tools/webpack/node-app.webpack')(__dirname, 'dev-idp');
