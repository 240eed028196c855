// The platform library: private files written safely, and I/O errors that name their cause.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include <lc/platform/files.hpp>

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "lc-platform-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp");
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

TEST_CASE("Platform files", "[platform]") {
    TempDir dir;

    SECTION("writePrivateFile: mode 0600 whatever the umask, renamed into place, no temp left") {
        ::umask(0);
        const std::string path = (dir.path / "out.csv").string();
        REQUIRE(lc::platform::writePrivateFile(path, "a,b\r\n"));
        ::umask(022);
        CHECK(lc::platform::readFile(path).value() == "a,b\r\n");
        struct stat st {};
        REQUIRE(::stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);
    }
    SECTION("a symlink planted at the target is replaced, never written through") {
        const fs::path victim = dir.path / "victim";
        fs::create_symlink(victim, dir.path / "out.csv");
        REQUIRE(lc::platform::writePrivateFile((dir.path / "out.csv").string(), "x"));
        CHECK_FALSE(fs::exists(victim));
        CHECK_FALSE(fs::is_symlink(dir.path / "out.csv"));
    }
    SECTION("errors name the cause: disk full, read-only, permission, missing folder") {
        CHECK(lc::platform::describeErrno(ENOSPC) == "the disk is full (no space left)");
        CHECK(lc::platform::describeErrno(EROFS) == "the file system is read-only");
        CHECK(lc::platform::describeErrno(EACCES) == "permission denied");
        const lc::Error e = lc::platform::ioError("[x.1]", "cannot write /mnt/usb/a.csv", ENOSPC);
        CHECK(e.describe() == "[x.1] cannot write /mnt/usb/a.csv: the disk is full (no space left)");
        auto missing = lc::platform::writePrivateFile((dir.path / "no/such/out.csv").string(), "x");
        REQUIRE_FALSE(missing);
        CHECK(missing.error().id == "[platform.write.1]");
        CHECK(missing.error().code == lc::ErrorCode::Io);
        CHECK_THAT(missing.error().message, Catch::Contains("no such file or folder"));
        auto unreadable = lc::platform::readFile((dir.path / "nothing").string());
        REQUIRE_FALSE(unreadable);
        CHECK(unreadable.error().id == "[platform.read.1]");
    }
    SECTION("the disk full error of a real write (/dev/full)") {
        // /dev/full answers every write with ENOSPC; the rename target does not matter here.
        std::ofstream probe("/dev/full");
        if (!probe) {
            WARN("/dev/full is not available: not checked");
            return;
        }
        int fd = ::open("/dev/full", O_WRONLY);
        REQUIRE(fd >= 0);
        const bool wrote = ::write(fd, "x", 1) == 1;
        const int err = errno;
        ::close(fd);
        CHECK_FALSE(wrote);
        CHECK_THAT(lc::platform::ioError("[x.2]", "cannot write", err).message, Catch::Contains("disk is full"));
    }
}
