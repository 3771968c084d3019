#!/bin/sh
echo "the native schema engine is not installed; use 'npm run db:migrate' to apply migrations and 'npm run db:migration:create -- <name>' to create one" >&2
exit 1
