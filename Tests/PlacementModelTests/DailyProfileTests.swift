import PlacementModel
import Testing

/// `prof(w, z, k)`: expansion to 24 local hours, normalisation, UTC shift and slice averages.
@Suite("Daily profile resampling")
struct DailyProfileTests {
    @Test func roundsOffsetsHalfUp() {
        #expect(DailyProfile.localHourShift(utcOffsetHours: -3.5) == -3)
        #expect(DailyProfile.localHourShift(utcOffsetHours: 5.5) == 6)
        #expect(DailyProfile.localHourShift(utcOffsetHours: 5.75) == 6)
        #expect(DailyProfile.localHourShift(utcOffsetHours: -4.5) == -4)
        #expect(DailyProfile.localHourShift(utcOffsetHours: 4) == 4)
    }

    @Test func expandsAndNormalisesToMeanOne() throws {
        let profile = try #require(DailyProfile([1, 3]))
        let hourly = profile.hourly
        #expect(hourly.count == 24)
        #expect(hourly[0..<12].allSatisfy { $0 == 0.5 })
        #expect(hourly[12..<24].allSatisfy { $0 == 1.5 })
        #expect(DailyProfile([1, 2, 3, 4, 5]) == nil)
        #expect(DailyProfile([1, 0]) == nil)
        #expect(DailyProfile([]) == nil)
    }

    @Test func resamplesToUTCSlices() throws {
        // Local day in four 6-hour parts: 1, 2, 3, 2 -> mean 2 -> 0.5, 1, 1.5, 1.
        let profile = try #require(DailyProfile([1, 2, 3, 2]))
        #expect(profile.sliceFactors(slices: 4, utcOffsetHours: 0) == [0.5, 1, 1.5, 1])
        // UTC+6: UTC hour u reads local hour u+6, so slice k shows local part k+1.
        #expect(profile.sliceFactors(slices: 4, utcOffsetHours: 6) == [1, 1.5, 1, 0.5])
        // UTC-3.5 rounds to -3: slice 0 (UTC 0-5) reads local 21-23 (1.0) and 0-2 (0.5).
        #expect(profile.sliceFactors(slices: 4, utcOffsetHours: -3.5) == [0.75, 0.75, 1.25, 1.25])
        // UTC+5.5 rounds to 6, the same as UTC+6.
        #expect(profile.sliceFactors(slices: 4, utcOffsetHours: 5.5) == [1, 1.5, 1, 0.5])
    }

    @Test func slicesOfOneHourAndOfTheWholeDay() throws {
        let profile = try #require(DailyProfile([1, 3]))
        let hourly = profile.sliceFactors(slices: 24, utcOffsetHours: 1)
        #expect(hourly[10] == 0.5 && hourly[11] == 1.5 && hourly[23] == 0.5)
        #expect(profile.sliceFactors(slices: 1, utcOffsetHours: 9) == [1])
        for slices in [1, 2, 3, 4, 6, 8, 12, 24] {
            let factors = profile.sliceFactors(slices: slices, utcOffsetHours: -7)
            #expect(abs(factors.reduce(0, +) / Double(slices) - 1) < 1e-12)
        }
    }
}
