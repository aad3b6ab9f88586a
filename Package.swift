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
        .target(
            name: "ReportKit",
            dependencies: [
                "CLibXML2",
                "COpenCC",
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
            ]
        ),
        .testTarget(
            name: "ReportKitTests",
            dependencies: ["ReportKit", "CLibXML2"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
