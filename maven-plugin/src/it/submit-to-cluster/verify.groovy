// The job ran on the cluster (two TaskManagers, one slot each) and wrote the final sums:
// 2 + 4 + ... + 500 and 1 + 3 + ... + 499. The cluster's processes are stopped first, whatever happens.
File pids = new File(basedir, 'cluster.pids')
if (pids.exists()) {
  pids.readLines().findAll { it.trim() }.each { pid ->
    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent { handle ->
      handle.descendants().forEach { it.destroyForcibly() }
      handle.destroyForcibly()
    }
  }
}

String log = new File(basedir, 'build.log').text
assert log.contains('Job submitted: ') : 'the plugin did not submit the job'
assert log.readLines().any { it.endsWith('(sums): RUNNING') } : 'the job never ran'
assert log.readLines().any { it.endsWith('(sums): FINISHED') } : 'the job did not finish'
File totals = new File(basedir, 'target/sum totals.txt')
assert totals.isFile() : "the job did not write ${totals}"
assert totals.text == 'even=62750\nodd=62500\n'
assert log.contains('BUILD SUCCESS')
return true
