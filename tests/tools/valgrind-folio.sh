#!/bin/sh
# $FOLIO for `make check VALGRIND=1`: the real binary ($FOLIO_REAL, set
# by the Makefile) under valgrind (valgrind.sh).
exec sh "$(dirname "$0")/valgrind.sh" "${FOLIO_REAL:?FOLIO_REAL must name the folio binary}" "$@"
