// electron-builder loads its hooks under plain Node; the hook is TypeScript
// (after-pack.ts, typechecked and tested like the rest), loaded here through tsx.
const { require: tsxRequire } = require('tsx/cjs/api')

module.exports = async function afterPack(context) {
  return tsxRequire('./after-pack.ts', __filename).afterPack(context)
}
