import ArgumentParser
import Testing

@testable import PlacementCLI

/// The completion scripts that `placement --generate-completion-script SHELL` prints (README,
/// "Shell completions and man page") know every command, and the values of `--format`.
@Suite struct CompletionScriptTests {
    @Test(arguments: [CompletionShell.bash, .zsh, .fish])
    func scriptNamesEveryCommandAndTheExportFormats(_ shell: CompletionShell) {
        let script = PlacementCommand.completionScript(for: shell)
        for command in ["optimize", "stress", "report", "sweep", "merge", "validate", "export", "compare"] {
            // bash and zsh complete a command in a function of its own; fish names it in its conditions.
            let marker = shell == .fish ? "\"placement \(command)\"" : "_placement_\(command)()"
            #expect(script.contains(marker), "\(shell) completion lacks \(command)")
        }
        #expect(script.contains("gmpl"), "\(shell) completion lacks export's --format values")
    }
}
