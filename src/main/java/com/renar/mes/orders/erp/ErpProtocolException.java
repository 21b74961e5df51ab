package com.renar.mes.orders.erp;

/**
 * The ERP answered, but not in a way the MES can use: HTTP 4xx other than 429 (bad API key, unknown path), a body
 * that is not valid JSON or lacks the expected fields, a query or table that does not exist. Retrying unchanged
 * will fail the same way; configuration or the ERP must be fixed.
 */
public class ErpProtocolException extends ErpException {

    public ErpProtocolException(String message) {
        super(message, null);
    }

    public ErpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
