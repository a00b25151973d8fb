#!/usr/bin/env bash
# Scaffolds a library with the workspace's conventions: new-lib.sh <dir> <project-name> <tags-json>
set -euo pipefail
dir=$1; name=$2; tags=$3
depth=$(echo "$dir" | awk -F/ '{print NF}')
up=$(printf '../%.0s' $(seq 1 "$depth"))
mkdir -p "$dir/src/lib"
cat > "$dir/project.json" <<J
{
  "name": "$name",
  "\$schema": "${up}node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "library",
  "tags": $tags
}
J
cat > "$dir/tsconfig.json" <<J
{
  "extends": "${up}tsconfig.base.json",
  "files": [],
  "include": [],
  "references": [{ "path": "./tsconfig.lib.json" }, { "path": "./tsconfig.spec.json" }]
}
J
cat > "$dir/tsconfig.lib.json" <<J
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": ["node"] },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts"]
}
J
cat > "$dir/tsconfig.spec.json" <<J
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": ["jest", "node"], "allowJs": true },
  "include": ["src/**/*.ts", "jest.config.cjs"]
}
J
cat > "$dir/jest.config.cjs" <<J
module.exports = {
  displayName: '$name',
  preset: '${up}jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '${up}coverage/$dir',
};
J
cat > "$dir/eslint.config.mjs" <<J
import baseConfig from '${up}eslint.config.mjs';

export default [...baseConfig];
J
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"
