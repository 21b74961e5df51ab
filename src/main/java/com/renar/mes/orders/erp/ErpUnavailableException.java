package com.renar.mes.orders.erp;

/**
 * The ERP did not answer usefully for a reason that may go away: connection refused, timeout, HTTP 5xx or 429,
 * a database connection error, or an open circuit. Retrying later is the right reaction.
 */
public class ErpUnavailableException extends ErpException {

    public ErpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
