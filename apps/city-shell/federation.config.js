module.exports = require('../../tools/federation/federation-config')({ name: 'city-shell' });
