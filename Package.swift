// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReportKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ReportKit", targets: ["ReportKit"]),
        .executable(name: "reportkit", targets: ["reportkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        // Small C kernels: the MinHash inner loop with AVX-512, chosen at run time (MinHasher falls back to
        // portable Swift), and XXH64 for cache entry checksums.
        .target(name: "CKernels"),
        // The entries of the dictionaries OpenCC converts with, read through its C++ API (its C API only converts),
        // so ChineseScriptConverter can run the same longest-match pass from tables in memory.
        .target(name: "COpenCCLexicon", dependencies: ["COpenCC"], linkerSettings: [.linkedLibrary("opencc")]),
        .target(
            name: "ReportKit",
            dependencies: [
                "CLibXML2",
                "COpenCC",
                "CKernels",
                "COpenCCLexicon",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "reportkit",
            dependencies: [
                "ReportKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc replaces glibc's malloc in the tool: the stages allocate many short-lived arrays on
            // every thread, and glibc's allocator took about 11% of a build's CPU time (see make bench).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "ReportKitTests",
            dependencies: ["ReportKit", "CLibXML2"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
