import Foundation
import PlacementSweep
import Testing

/// The fingerprint that ties partial and shard files to their sweep.
@Suite struct FingerprintTests {
    /// FIPS 180-4 test vectors.
    @Test func sha256MatchesThePublishedVectors() {
        func digest(_ bytes: [UInt8]) -> String {
            var hash = SHA256()
            hash.update(bytes)
            return hash.hexDigest()
        }
        #expect(digest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            digest([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aFingerprintReadsBackFromBothLineFormsAndNamesWhatDiffers() throws {
        let fingerprint = SweepFingerprint(
            inputs: String(repeating: "ab", count: 32), options: "block-size:16,warm:on",
            variants: 36, shard: 2, shards: 4)
        #expect(SweepFingerprint(line: Substring(fingerprint.csvLine)) == fingerprint)
        #expect(SweepFingerprint(line: Substring(fingerprint.jsonLine)) == fingerprint)
        #expect(SweepFingerprint(line: "variant,a,b") == nil)
        #expect(SweepFingerprint(line: Substring(fingerprint.csvLine + " ")) == nil)
        var other = fingerprint
        other.options = "block-size:8,warm:on"
        #expect(
            fingerprint.difference(from: other)
                == "it was written with other options (block-size:8,warm:on, now block-size:16,warm:on)")
        other = fingerprint
        other.shard = 3
        #expect(fingerprint.difference(from: other) == "it was written for shard 3/4, now 2/4")
        #expect(fingerprint.difference(from: fingerprint) == nil)
    }
}
