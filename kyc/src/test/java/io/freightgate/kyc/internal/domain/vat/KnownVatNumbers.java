package io.freightgate.kyc.internal.domain.vat;

import java.util.Arrays;
import java.util.List;

/**
 * Independently published VAT numbers, as written in the wild (with their separators and odd casing). Source: the test
 * vectors of python-stdnum ({@code tests/test_eu_vat.doctest}, {@code test_gb_vat.doctest}, {@code hr/oib.py}), which
 * collects numbers found online. They are facts, used only as test data.
 */
final class KnownVatNumbers {

    private KnownVatNumbers() {}

    /** Published valid numbers, one per line. */
    static final List<String> VALID = lines("""
            ATU 142 43 102
            ATU 15159209
            ATU 28560205
            ATU 54300000
            ATU13585627
            ATU46080404
            ATU61195628
            BE (0)468.561.072
            BE 0202.239.951
            BE 0402 918 402
            BE 0462423150
            BE 0897290877
            BE 444.503.092
            BE0428759497
            BE413562567
            BG 103873594
            BG 124 551 319
            BG 131202360
            BG 175074752
            BG7111042925
            BG7523169263
            BG7542011030
            BG8032056031
            Bg 200442771
            CY 10246672X
            CY 10263870R
            CY- 10277198H
            CY-10008489 A
            CY00632993 F
            CZ 25123891
            CZ 60 72 77 72
            CZ 640229/4448
            CZ 640903926
            CZ 654123789
            CZ 682127228
            CZ 6956220612
            CZ 736028/5163
            CZ00023205
            CZ450 33 145
            CZ6306150004
            DE - 113866163
            DE 118619592
            DE 181 207 708
            DE 221.304.969
            DE 811 363 057
            DE136308783
            DE812847601
            DK 10 50 32 80
            DK 2566 2202
            DK-27630308
            DK10150817
            DK36149213
            DK: 21599336
            EE 100 931 558
            EE 100523487
            EE 101031389
            EE101256753
            EL 039868210
            EL 094012834
            EL 94051189
            EL 998386804
            EL-082857563
            EL: 094279805
            El 800 179 925
            ES - Q0818001J
            ES 54362315K
            ES A-28184661
            ES B64240914
            ES J99216582
            ES Q-2818015-F
            ES R9600075G
            ES W4003922D
            ES X-5253868-R
            ES Y5277343F
            ES Z5277343K
            ES-x-2482300w
            ESA78109592
            FI 02459042
            FI 0982651-1
            FI 2094606-3
            FI- 01968312
            FI-214 95 540
            FI18261444
            FR 04409414364
            FR 114 248 728 36
            FR 2143 2146 546
            FR 41-343848552
            FR K 7399859412
            FR01712030113
            FR83404833048
            FR16000063601
            FR32000000330
            fr 71383076817
            HR 33392005961
            HU -12509403
            HU 10672101
            HU-10402434
            HU11377304
            HU12078503
            IE 0005306C
            IE 4550159S
            IE 632 3420 C
            IE 6791517I
            IE 8223200u
            IE-9696131F
            IE6433435IH
            IE6433435OA
            IE6599001W
            IE8D79739I
            IE9Y71814N
            IT - 01404480202
            IT 0 0 6 1 8 2 8 0 4 9 9
            IT 00 595 000 217
            IT 00118439991
            IT 09596821000
            IT-03700020104
            IT00743110157
            IT: 02331250163
            LT 100001354118
            LT 100001509912
            LT 119511515
            LT 235449811
            LT-100000979812
            LT290068995116
            LU 10059929
            LU 109 676 28
            LU 1871 0830
            LU.248.70.640
            LU: 2294 4200
            Lu 19980500
            LV 4000 3521 600
            LV 40003189718
            LV 5000 399 3021
            LV 90000528023
            LV-40003241337
            MT 1039-6417
            MT 1465 8213
            MT 17025737
            MT 20630321
            NL 001241 643 B01
            NL 806753742B01
            NL 8225.69.759 b01
            NL-8197.38.116.B.01
            NL.0094.10.806.B.01
            NL001162938B28
            NL001452330B47
            NL00449544B01
            NL4495445B01
            NL813411786B01
            PL 5211355116
            PL 584-030-44-72
            PL 645-000-67-50
            PL 777 26 68 285
            PL-951-157-77-68
            PL5261025421
            PT 500 019 720
            PT 500135.495
            PT 502448911
            PT-505 856 468
            PT503038083
            RO 11358544
            RO 1822964
            RO 185 472 90
            RO 241 30 20
            RO 573768
            RO-23867797
            RO16241790
            Ro 15071875
            SE 202 100-5000 01
            SE 55 62 00-0777 01
            SE 556.383.740.901
            SE-5562245190-01
            SE-556666-4438-01
            SE556043606401
            SI 26808498
            SI 3609 7152
            SI 50223054
            SI-83815201
            SK 1078449064
            SK 202 274 96 19
            SK 2020 237 945
            SK2022193459
            XI 002 4257 28
            XI 003232345
            XI 100 1950 75
            XI 242338087388
            XI 980780684
            XI653599494
            XI974053902
            XIGD100
            XIHA501
            """);

    /** Published numbers mangled so that only the check digit is wrong. */
    static final List<String> WRONG_CHECK_DIGIT = lines("""
            ATU 143 43 102
            ATU46080904
            BE 0406.139.583
            BE697449982
            BG 1037735942
            BG 131 172 009
            CY 10246672F
            CY-10257074Y
            CZ 25557481
            CZ 640913926
            CZ 8058018314
            DE 125014855
            DE 813 91 38 75
            DK 11 96 56 58
            DK10159817
            EE 100 941 558
            EE101256754
            ES 54362415K
            ES K-2814015-F
            ES-x-2322300w
            Es-a48951310
            EL 094013834
            EL094501140
            FR 04409414264
            FR 21 326 565 603
            FR K 7399859312
            FR L 7399859412
            HR 33392005962
            IE 4731823H
            IE8D79729I
            LV 40003189715
            LV 90000528022
            LV-42103048181
            SK 1078449164
            SK 2020457679
            XI 802311781
            XI 001234567
            """);

    /** Formatting flaws (wrong characters, structure or an impossible component). */
    static final List<String> WRONG_FORMAT = lines("""
            AT1 142 43 102
            ATU 1515B209
            BE 02A2.239.951
            BE 0220,764.971
            BG 10X8735941
            CY-102590Z3P
            CY-12259033P
            CZ 95123891
            DE 246X595 415
            DE 011125440
            IE 4550C59S
            IE 069385V8
            IT 00687129980
            LT 100001354
            LT 100001509922
            NL 001241643801
            NL 009122746B00
            NL B06753742B01
            NL 82X569759b01
            SK A078449064
            SK 012 274 96 19
            SK 2010 237 945
            XI GD600
            XI HA201
            XI 9807806B4
            """);

    /** Numbers of the wrong length. */
    static final List<String> WRONG_LENGTH = lines("""
            ATU 151592092
            CY-1225903322
            ES B-583784312
            FR000076090
            NL006866304B021
            SE 55643359201
            SE 5567003255201
            XI 9807806842
            """);

    private static List<String> lines(String block) {
        return Arrays.stream(block.split("\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
