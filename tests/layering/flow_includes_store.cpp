// Must NOT compile: a kiosk flow (kiosk_flows links lc_core only) including the store. The test
// "build: a flow that includes lc/store/... is refused" builds this and expects the compiler to
// say that the header is not found.
#include <lc/store/database.hpp>

int lcProbeUnused() { return 0; }
