// Keeps a library target valid while its module has no sources yet; removed once it has.
