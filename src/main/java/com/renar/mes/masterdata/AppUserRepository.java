package com.renar.mes.masterdata;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface AppUserRepository extends Repository<AppUser, Long> {

    @Query("select * from app_user where lower(username) = lower(:username)")
    Optional<AppUser> findByUsername(String username);

    @Query("select exists (select 1 from app_user where lower(username) = lower(:username))")
    boolean existsByUsername(String username);

    @Query("select exists (select 1 from app_user where badge = :badge and lower(username) <> lower(:exceptUsername))")
    boolean badgeTakenByOther(String badge, String exceptUsername);
}
