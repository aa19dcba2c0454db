#!/usr/bin/env bash
# `npm test [-- vitest args]`: type-check (src, tests, lang/, patterns/), then run vitest, which
# prints its summary even when the type check failed; the exit code reports both.
npm run -s typecheck
typecheck=$?
npx vitest run "$@" || exit $?
exit $typecheck
