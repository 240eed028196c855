#pragma once
// Exceptions inside a library, Result at its edges: each library throws its own Failure type
// (carrying an lc::Error) and runs every public function's body through lc::guardedBy, which
// turns that Failure, or any other exception, into a failed Result.

#include <exception>
#include <type_traits>
#include <utility>

#include <lc/core/result.hpp>

namespace lc {

/// Runs `f`; a thrown `Failure` (which has an `error` member) becomes that error, any other
/// std::exception an Internal error with `internalId`.
template <class Failure, class F>
auto guardedBy(const char* internalId, F&& f) -> Result<std::invoke_result_t<F>> {
    using T = std::invoke_result_t<F>;
    try {
        if constexpr (std::is_void_v<T>) {
            std::forward<F>(f)();
            return {};
        } else {
            return Result<T>(std::forward<F>(f)());
        }
    } catch (const Failure& e) {
        return fail(e.error);
    } catch (const std::exception& e) {
        return fail(ErrorCode::Internal, internalId, e.what());
    }
}

}  // namespace lc
