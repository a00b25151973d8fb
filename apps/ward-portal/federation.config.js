module.exports = require('../../tools/federation/federation-config')({ name: 'ward-portal' });
