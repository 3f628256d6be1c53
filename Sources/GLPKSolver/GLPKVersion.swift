import CGLPK

enum GLPKVersion {
    static var string: String { String(cString: glp_version()) }
}
