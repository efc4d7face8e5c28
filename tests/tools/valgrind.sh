#!/bin/sh
# Runs a program under valgrind memcheck for `make check VALGRIND=1`:
# any memory error or definite/indirect leak makes it exit 99.  -q keeps
# valgrind silent unless it finds something, so tests that read stderr
# still see only the program's own output.  valgrind.supp names the
# reports that are not folio's.
exec valgrind -q --error-exitcode=99 \
	--suppressions="$(dirname "$0")/valgrind.supp" --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
	--track-origins=no "$@"
