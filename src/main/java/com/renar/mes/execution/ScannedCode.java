package com.renar.mes.execution;

/** What a barcode says, once read by {@link BarcodeRules}. */
sealed interface ScannedCode {

    /** The kind stored with the scan. */
    String kind();

    /** An ERP order code ({@code OP:<code>}). */
    record OrderCode(String code) implements ScannedCode {
        @Override
        public String kind() {
            return "ORDER";
        }
    }

    /** A lot code of an order ({@code LOT:<code>}). */
    record LotCode(String code) implements ScannedCode {
        @Override
        public String kind() {
            return "LOT";
        }
    }

    /** A part label: one piece of a lot ({@code PART:<lot>:<serial>}). */
    record PartLabel(String lot, String serial) implements ScannedCode {
        @Override
        public String kind() {
            return "PART";
        }
    }

    /** Text in no known format: looked up as an order code, then as a lot code. */
    record Plain(String text) implements ScannedCode {
        @Override
        public String kind() {
            return "PLAIN";
        }
    }
}
