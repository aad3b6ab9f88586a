import CKernels

/// The run of ideographs, CJK punctuation and neutral scalars (`,`, letters…) that ``UTF8Normalizer`` copies as it is, and the script markers of its
/// ideographs, found by the C kernel `rk_cjk_run_avx2` (eight scalars per step) where the CPU has AVX2, else by
/// `rk_cjk_run_portable` (see `CKernels.h` for the classes).
enum CJKRun {
    /// The run that starts at `start` in `bytes`; `markers` is ``ChineseScriptConverter/scriptMarkers``.
    @inline(__always)
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, markers: UnsafeBufferPointer<UInt64>,
        avx2: Bool
    ) -> rk_cjk_run {
        var run = rk_cjk_run()
        guard let base = bytes.baseAddress, let table = markers.baseAddress else { return run }
        if avx2 {
            rk_cjk_run_avx2(base + start, bytes.count - start, table, &run)
        } else {
            rk_cjk_run_portable(base + start, bytes.count - start, table, &run)
        }
        return run
    }
}
