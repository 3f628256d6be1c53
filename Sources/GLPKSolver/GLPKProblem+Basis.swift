import CGLPK
import CGLPKGuard
import LinearProgramming

extension GLPKProblem {
    /// The stored basis, when the last solve left an optimal one.
    func basis() throws(GLPKError) -> Basis? {
        let problem = try live()
        guard hasBasis else { return nil }
        var rows = [Int32](repeating: 0, count: rowCount)
        var columns = [Int32](repeating: 0, count: columnCount)
        let code = rows.withUnsafeMutableBufferPointer { rowBuffer in
            columns.withUnsafeMutableBufferPointer { columnBuffer in
                spg_get_basis(problem, rowBuffer.baseAddress, columnBuffer.baseAddress)
            }
        }
        guard code == 0 else { throw failure("glp_get_row_stat") }
        return Basis(rows: rows.map(Self.status), columns: columns.map(Self.status))
    }

    /// Installs `basis` (its shape checked by the caller); the next warm solve starts from it,
    /// or from the standard basis when GLPK cannot factorize it.
    func setBasis(_ basis: Basis) throws(GLPKError) {
        let problem = try live()
        let rows = basis.rows.map(Self.code)
        let columns = basis.columns.map(Self.code)
        let code = rows.withUnsafeBufferPointer { rowBuffer in
            columns.withUnsafeBufferPointer { columnBuffer in
                spg_set_basis(problem, rowBuffer.baseAddress, columnBuffer.baseAddress)
            }
        }
        guard code == 0 else { throw failure("glp_set_row_stat") }
        hasBasis = true
    }

    /// GLPK's status code (GLP_BS .. GLP_NS) as a ``Basis/Status``.
    static func status(_ code: Int32) -> Basis.Status {
        switch code {
        case GLP_BS: .basic
        case GLP_NU: .atUpper
        case GLP_NF: .free
        case GLP_NS: .fixed
        default: .atLower
        }
    }

    /// The GLPK status code of a ``Basis/Status``.
    static func code(_ status: Basis.Status) -> Int32 {
        switch status {
        case .basic: GLP_BS
        case .atLower: GLP_NL
        case .atUpper: GLP_NU
        case .free: GLP_NF
        case .fixed: GLP_NS
        }
    }
}
