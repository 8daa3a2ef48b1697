namespace Article42.Mesh.Exercises.Tests;

/// <summary>A small hand-written scenario whose plan and report figures the tests work out by hand.</summary>
internal static class TestScenarios
{
    public const string Small = """
        exercise: EX-SMALL
        name: Small hand-checked exercise
        description: LT invokes; DE, PL and HU react; one RFA with two lines.
        mode: exercise
        compression: 60
        start: 2026-11-26T06:00:00Z
        endex: T+02:00
        threat: armed_attack
        activations:
          - id: A42-2026-0101
            invoker: LT
        participants:
          players: [LT, DE, PL, HU]
          default:
            reaction: { FLASH: "00:05", IMMEDIATE: "00:10", PRIORITY: "00:30", ROUTINE: "01:00" }
            jitter: 0
            decision: "00:20"
          behaviours:
            PL:
              capabilities:
                - { category_code: MIL.AIR.C-UAS, quantity: 2, unit: team, description: counter-drone team }
              approval: { level: GOVERNMENT, delay: "00:40" }
            HU: { silence: 1 }
        msel:
          - id: M01
            at: T+00:00
            from: EXCON
            to: LT
            as: Lithuanian Armed Forces J3
            content: Drones crossed the border near Druskininkai and struck a power substation.
            expect:
              - id: M01.a
                what: LT invokes Article 42(7)
                who: LT
                kind: INVOCATION
                within: "00:30"
                score: 20
          - id: M02
            at: T+00:10
            from: LT
            to: ALL-MS
            kind: INVOCATION
            title: LT invokes Art. 42(7)
            payload:
              legal_basis: TEU_42_7
              incident_type: drone_missile
              incident_start: T-00:30
              affected_territory: LT024 Alytus county
              summary: Drone strike on critical infrastructure from across the border.
              initial_needs: [MIL.AIR.C-UAS]
            expect:
              - id: M02.a
                what: every member state acknowledges the invocation
                kind: INVOCATION_ACK
                within: "00:15"
                score: 30
          - id: M03
            at: T+00:30
            from: LT
            to: ALL-MS
            kind: RFA
            payload:
              rfa_id: RFA-1
              lines:
                - { line_id: L1, category_code: MIL.AIR.C-UAS, description: counter-drone teams, quantity: 2, unit: team }
                - { line_id: L2, category_code: MED.EMT2, description: surgical field team, quantity: 1, unit: team }
            expect:
              - id: M03.a
                what: PL offers counter-drone capability
                who: PL
                kind: OFFER
                within: "00:20"
          - id: M04
            at: T+00:40
            from: LT
            to: [DE, HU]
            kind: RFI
            payload:
              question: Do you see the same drone type on your radars?
        objectives:
          - id: OBJ-1
            title: Acknowledge the invocation in time
            expectations: [M02.a]
          - id: OBJ-2
            title: Cover the counter-drone request
            expectations: [M03.a, M01.a]
        """;
}
