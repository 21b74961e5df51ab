package com.renar.mes.orders.erp;

/** The database adapter against the PostgreSQL on this machine (127.0.0.1:5432, postgres, trust auth). */
class PostgresErpGatewayTests extends JdbcErpGatewayContract {

    @Override
    String serverName() {
        return "PostgreSQL";
    }

    @Override
    int port() {
        return 5432;
    }

    @Override
    String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/postgres";
    }

    @Override
    String databaseUrl(String database, int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?connectTimeout=5";
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    String timestampType() {
        return "timestamp";
    }

    @Override
    String dropDatabase(String database) {
        return "drop database if exists " + database + " with (force)";
    }
}
