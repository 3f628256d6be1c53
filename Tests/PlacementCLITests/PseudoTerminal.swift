import Foundation

/// A pseudo-terminal whose other end (`path`, `/dev/pts/N`) a child can write to as a terminal.
/// posix_openpt and its companions are looked up at run time: Glibc's module map leaves them out
/// (they need _XOPEN_SOURCE).
struct PseudoTerminal {
    let master: Int32
    let path: String

    init?() {
        typealias Open = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        guard let library = dlopen(nil, RTLD_NOW),
            let open = dlsym(library, "posix_openpt"), let grant = dlsym(library, "grantpt"),
            let unlock = dlsym(library, "unlockpt"), let name = dlsym(library, "ptsname")
        else { return nil }
        master = unsafeBitCast(open, to: Open.self)(O_RDWR | O_NOCTTY)
        guard master >= 0, unsafeBitCast(grant, to: Open.self)(master) == 0,
            unsafeBitCast(unlock, to: Open.self)(master) == 0,
            let slave = unsafeBitCast(name, to: Name.self)(master)
        else { return nil }
        path = String(cString: slave)
    }

    func close() { _ = Foundation.close(master) }
}
